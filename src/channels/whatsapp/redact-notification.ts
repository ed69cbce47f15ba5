/**
 * Applies a redaction (e.g. card numbers → [CARD]) to every free-text string of a webhook
 * notification before anything is stored, so the raw webhook log and the stored messages
 * never keep what the guard must not keep. Identifiers, numbers of users and businesses,
 * timestamps and hashes are left untouched.
 */

/** Keys whose string values are identifiers, never free text. */
const NOT_TEXT = new Set([
  'id', 'wa_id', 'from', 'to', 'recipient_id', 'recipient', 'phone_number_id', 'display_phone_number', 'phone', 'user_id',
  'from_user_id', 'parent_user_id', 'from_parent_user_id', 'recipient_user_id', 'parent_recipient_user_id', 'recipient_parent_user_id',
  'message_id', 'original_message_id', 'catalog_id', 'product_retailer_id', 'timestamp', 'sha256', 'mime_type', 'object', 'field',
  'type', 'status', 'biz_opaque_callback_data', 'expiration_timestamp', 'url', 'link', 'source_url', 'ctwa_clid', 'source_id',
]);

export interface Redaction {
  value: unknown;
  /** True when at least one string changed. */
  changed: boolean;
}

export function redactNotification(value: unknown, redact: (text: string) => string): Redaction {
  let changed = false;
  const walk = (node: unknown, key: string | undefined): unknown => {
    if (typeof node === 'string') {
      if (key !== undefined && NOT_TEXT.has(key)) return node;
      const redacted = redact(node);
      if (redacted !== node) changed = true;
      return redacted;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, key));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    }
    return node;
  };
  const result = walk(value, undefined);
  return { value: changed ? result : value, changed };
}
