/**
 * Demo data for the built-in integrations: the services, staff and opening hours of
 * Aurora Beauty Lab (examples/beauty-salon/business.yaml: same prices and hours) and a few
 * orders of a fashion shop, one of them for the simulator's default customer
 * (393331234567). Idempotent: run it on every demo start. Not wired by itself; the
 * composition root calls `seedDemoIntegrations(integrations.catalogue, Date.now())`.
 */
import type { OpeningInterval, Service, StaffMember } from '../../../core/integrations.ts';
import type { BuiltinCatalogue } from './catalogue.ts';
import type { StoredOrder } from './orders.ts';

const eur = (euros: number) => ({ cents: Math.round(euros * 100), currency: 'EUR' });

export const DEMO_SERVICES: readonly Service[] = [
  { id: 'manicure', name: 'Manicure classica', durationMinutes: 30, price: eur(20) },
  { id: 'gel_polish', name: 'Semipermanente mani', durationMinutes: 45, price: eur(30) },
  { id: 'gel_extensions', name: 'Ricostruzione unghie in gel', durationMinutes: 90, price: eur(55), deposit: eur(15) },
  { id: 'pedicure', name: 'Pedicure estetica', durationMinutes: 45, price: eur(35) },
  { id: 'pedicure_gel', name: 'Pedicure con semipermanente', durationMinutes: 60, price: eur(42) },
  { id: 'leg_wax', name: 'Ceretta gambe complete', durationMinutes: 40, price: eur(30) },
  { id: 'facial', name: 'Pulizia del viso', durationMinutes: 60, price: eur(55) },
  { id: 'antiage_facial', name: 'Trattamento viso anti-age', durationMinutes: 75, price: eur(75), deposit: eur(20) },
  { id: 'massage', name: 'Massaggio rilassante 50 min', durationMinutes: 50, price: eur(60), deposit: eur(15) },
  { id: 'lash_lift', name: 'Laminazione ciglia', durationMinutes: 60, price: eur(50), deposit: eur(10) },
];

export const DEMO_STAFF: readonly StaffMember[] = [
  { id: 'chiara', name: 'Chiara', serviceIds: ['manicure', 'gel_polish', 'gel_extensions', 'pedicure', 'pedicure_gel'] },
  { id: 'sara', name: 'Sara', serviceIds: ['facial', 'antiage_facial', 'massage', 'leg_wax', 'lash_lift'] },
  { id: 'elena', name: 'Elena', serviceIds: ['manicure', 'gel_polish', 'pedicure', 'leg_wax', 'facial', 'lash_lift'] },
];

/** Tuesday to Friday 9:30-19:30, Saturday 9:00-18:00; closed Sunday and Monday. */
export const DEMO_HOURS: readonly OpeningInterval[] = [
  ...[2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:30', closes: '19:30' })),
  { weekday: 6, opens: '09:00', closes: '18:00' },
];

const DAY_MS = 86_400_000;

function isoDate(epoch: number): string {
  return new Date(epoch).toISOString().slice(0, 10);
}

/** Orders of "Atelier Lumi", a fashion shop, dated around `now`. */
export function demoOrders(now: number): StoredOrder[] {
  return [
    {
      number: 'LM-10421', phone: '+39 333 123 4567', status: 'shipped', placedAt: now - 3 * DAY_MS, total: eur(129),
      items: [{ name: 'Abito midi in lino, salvia, M', quantity: 1 }],
      tracking: { carrier: 'BRT', code: '084512367790', url: 'https://vas.brt.it/vas/sped_det_show.hsm?referer=sped_numspe_par.htm&Nspediz=084512367790' },
      estimatedDelivery: isoDate(now + 2 * DAY_MS),
    },
    {
      number: 'LM-10388', phone: '393331234567', status: 'delivered', placedAt: now - 20 * DAY_MS, total: eur(64.9),
      items: [{ name: 'T-shirt in cotone bio, bianco, S', quantity: 2 }, { name: 'Foulard in seta', quantity: 1 }],
      tracking: { carrier: 'Poste Italiane', code: 'PI20931871IT' },
    },
    {
      number: 'LM-10455', phone: '+49 151 23456789', status: 'processing', placedAt: now - DAY_MS, total: eur(89),
      items: [{ name: 'Jeans wide leg, 40', quantity: 1 }],
    },
    {
      number: 'LM-10460', phone: '347 765 4321', status: 'paid', placedAt: now - 2 * 3_600_000, total: eur(45.5),
      items: [{ name: 'Cardigan in cashmere, panna, L', quantity: 1 }],
    },
  ];
}

export function seedDemoIntegrations(catalogue: BuiltinCatalogue, now: number): void {
  DEMO_SERVICES.forEach((service, position) => catalogue.putService(service, position));
  DEMO_STAFF.forEach((member, position) => catalogue.putStaff(member, position));
  catalogue.setOpeningHours(DEMO_HOURS);
  for (const order of demoOrders(now)) catalogue.putOrder(order, now);
}
