/**
 * Migration 3: the built-in integrations (src/storage/sqlite/integrations/): orders of a
 * shop, a booking calendar, a small CRM, tickets, payment links, and the idempotency
 * record every mutating call goes through.
 *
 * Bookings hold their time as 5-minute cells per staff member (`booking_cells`, primary
 * key staff + cell): two bookings of one person can never overlap, whatever the code that
 * writes them. Consent changes are kept append-only (`crm_consent_events`) as proof.
 */
export const integrationsSchema = `
CREATE TABLE integration_requests (
  operation TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (operation, key)
);

CREATE TABLE shop_orders (
  number TEXT PRIMARY KEY,
  phone TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN
    ('pending', 'paid', 'processing', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'returned', 'refunded')),
  placed_at INTEGER,
  total_cents INTEGER,
  currency TEXT,
  items TEXT NOT NULL DEFAULT '[]',
  carrier TEXT,
  tracking_code TEXT,
  tracking_url TEXT,
  estimated_delivery TEXT,
  updated_at INTEGER NOT NULL
);

CREATE TABLE booking_services (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0 AND duration_minutes % 5 = 0),
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  deposit_cents INTEGER CHECK (deposit_cents > 0),
  currency TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE booking_staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE booking_staff_services (
  staff_id TEXT NOT NULL REFERENCES booking_staff (id) ON DELETE CASCADE,
  service_id TEXT NOT NULL REFERENCES booking_services (id) ON DELETE CASCADE,
  PRIMARY KEY (staff_id, service_id)
);

CREATE TABLE booking_hours (
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens INTEGER NOT NULL CHECK (opens >= 0 AND opens % 5 = 0),
  closes INTEGER NOT NULL CHECK (closes <= 1440 AND closes % 5 = 0),
  CHECK (opens < closes),
  PRIMARY KEY (weekday, opens)
);

CREATE TABLE bookings (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES booking_services (id),
  staff_id TEXT NOT NULL REFERENCES booking_staff (id),
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  phone TEXT NOT NULL,
  name TEXT,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
  price_cents INTEGER NOT NULL,
  deposit_cents INTEGER,
  currency TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (start_at < end_at)
);
CREATE INDEX bookings_by_phone ON bookings (phone, start_at);

CREATE TABLE booking_cells (
  staff_id TEXT NOT NULL,
  cell INTEGER NOT NULL,
  booking_id TEXT NOT NULL REFERENCES bookings (id),
  PRIMARY KEY (staff_id, cell)
);
CREATE INDEX booking_cells_by_booking ON booking_cells (booking_id);

CREATE TABLE crm_contacts (
  phone TEXT PRIMARY KEY,
  name TEXT,
  email TEXT,
  language TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE crm_tags (
  phone TEXT NOT NULL REFERENCES crm_contacts (phone),
  tag TEXT NOT NULL,
  PRIMARY KEY (phone, tag)
);

CREATE TABLE crm_consents (
  phone TEXT NOT NULL REFERENCES crm_contacts (phone),
  topic TEXT NOT NULL,
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  at INTEGER NOT NULL,
  source TEXT,
  PRIMARY KEY (phone, topic)
);

CREATE TABLE crm_consent_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phone TEXT NOT NULL,
  topic TEXT NOT NULL,
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  at INTEGER NOT NULL,
  source TEXT,
  recorded_at INTEGER NOT NULL
);
CREATE TRIGGER crm_consent_events_no_update BEFORE UPDATE ON crm_consent_events
BEGIN SELECT RAISE(ABORT, 'crm_consent_events is append-only'); END;
CREATE TRIGGER crm_consent_events_no_delete BEFORE DELETE ON crm_consent_events
BEGIN SELECT RAISE(ABORT, 'crm_consent_events is append-only'); END;

CREATE TABLE crm_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phone TEXT NOT NULL REFERENCES crm_contacts (phone),
  text TEXT NOT NULL,
  author TEXT,
  at INTEGER NOT NULL
);

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'pending', 'solved', 'closed')),
  priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  phone TEXT NOT NULL,
  name TEXT,
  conversation_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE ticket_lines (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  author TEXT NOT NULL CHECK (author IN ('customer', 'bot', 'agent')),
  text TEXT NOT NULL,
  PRIMARY KEY (ticket_id, seq)
);

CREATE TABLE payment_links (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  purpose_kind TEXT NOT NULL CHECK (purpose_kind IN ('deposit', 'order')),
  purpose_ref TEXT NOT NULL,
  phone TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'expired', 'cancelled')),
  expires_at INTEGER,
  created_at INTEGER NOT NULL
);
`;
