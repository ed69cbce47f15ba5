/**
 * Order status without a model: the order number is read from the customer's words, the
 * orders port is asked with the customer's own phone number (another customer's order is
 * never revealed), and the answer is composed from the result. A remote failure becomes a
 * clear reply and a handoff, never silence.
 */
import type { IntegrationResult, Order, OrdersPort } from '../../../core/integrations.ts';
import type { Reply } from '../../../core/reply.ts';

export type OrderLookup =
  | { kind: 'found'; order: Order }
  | { kind: 'not_found'; orderNumber: string }
  | { kind: 'no_number' }
  | { kind: 'unavailable'; message: string };

/** "ordine 100234", "order #A-10023", "Bestellung Nr. 55012": letters are optional, digits are not. */
const ORDER_NUMBER = /(?<![\p{L}\p{N}])#?([A-Z]{0,4}-?\d{4,12})(?![\p{L}\p{N}])/iu;

export function orderNumberIn(words: string): string | undefined {
  return ORDER_NUMBER.exec(words)?.[1]?.toUpperCase();
}

export async function lookUpOrder(words: string, phone: string, orders: OrdersPort): Promise<OrderLookup> {
  const orderNumber = orderNumberIn(words);
  if (orderNumber === undefined) return { kind: 'no_number' };
  let result: IntegrationResult<Order, 'ORDER_NOT_FOUND'>;
  try {
    result = await orders.getOrder({ orderNumber, phone });
  } catch (error) {
    return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok) return { kind: 'found', order: result.value };
  if (result.refusal) return { kind: 'not_found', orderNumber };
  return { kind: 'unavailable', message: result.error.message };
}

type Phrases = Record<'ask' | 'notFound' | 'unavailable' | 'status' | 'tracking' | 'eta', string>;

const STATUS: Record<string, Record<Order['status'], string>> = {
  it: { pending: 'in attesa di pagamento', paid: 'pagato', processing: 'in preparazione', shipped: 'spedito', out_for_delivery: 'in consegna oggi', delivered: 'consegnato', cancelled: 'annullato', returned: 'reso', refunded: 'rimborsato' },
  de: { pending: 'wartet auf Zahlung', paid: 'bezahlt', processing: 'in Bearbeitung', shipped: 'versandt', out_for_delivery: 'heute in Zustellung', delivered: 'zugestellt', cancelled: 'storniert', returned: 'zurückgesendet', refunded: 'erstattet' },
  en: { pending: 'awaiting payment', paid: 'paid', processing: 'being prepared', shipped: 'shipped', out_for_delivery: 'out for delivery today', delivered: 'delivered', cancelled: 'cancelled', returned: 'returned', refunded: 'refunded' },
};

const PHRASES: Record<string, Phrases> = {
  it: {
    ask: 'Per controllare il tuo ordine mi serve il numero d\u2019ordine: lo trovi nella mail di conferma.',
    notFound: 'Non trovo l\u2019ordine {n} collegato a questo numero di telefono. Controlla il numero nella mail di conferma e riscrivimelo.',
    unavailable: 'In questo momento non riesco a consultare gli ordini: ti passo a una persona dello staff che ti risponde qui.',
    status: 'Il tuo ordine {n} risulta: {s}.',
    tracking: 'Tracking: {t}',
    eta: 'Consegna prevista: {d}.',
  },
  de: {
    ask: 'Um Ihre Bestellung zu prüfen, brauche ich die Bestellnummer: Sie steht in der Bestätigungsmail.',
    notFound: 'Ich finde die Bestellung {n} zu dieser Telefonnummer nicht. Bitte prüfen Sie die Nummer in der Bestätigungsmail und schreiben Sie sie mir noch einmal.',
    unavailable: 'Ich kann die Bestellungen gerade nicht abrufen: Ich gebe Sie an eine Person aus unserem Team weiter, die Ihnen hier antwortet.',
    status: 'Ihre Bestellung {n}: {s}.',
    tracking: 'Sendungsverfolgung: {t}',
    eta: 'Voraussichtliche Zustellung: {d}.',
  },
  en: {
    ask: 'To check your order I need the order number: you will find it in the confirmation e-mail.',
    notFound: 'I cannot find order {n} for this phone number. Please check the number in the confirmation e-mail and send it again.',
    unavailable: 'I cannot reach our order system right now: I am passing you to someone from our team, who will reply here.',
    status: 'Your order {n} is {s}.',
    tracking: 'Tracking: {t}',
    eta: 'Expected delivery: {d}.',
  },
};

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w)\}/g, (_, key: string) => values[key] ?? '');

export interface ToolAnswer {
  replies: Reply[];
  /** A person must take over (the system behind the port failed). */
  handoff: boolean;
  /** What the reply was built from: the tool result, for the claims check. */
  sources: string[];
}

export function orderReplies(lookup: OrderLookup, language: string): ToolAnswer {
  const phrases = PHRASES[language] ?? PHRASES.en!;
  const text = (body: string): Reply[] => [{ kind: 'text', body }];
  switch (lookup.kind) {
    case 'no_number':
      return { replies: text(phrases.ask), handoff: false, sources: [] };
    case 'not_found':
      return { replies: text(fill(phrases.notFound, { n: lookup.orderNumber })), handoff: false, sources: [lookup.orderNumber] };
    case 'unavailable':
      return { replies: text(phrases.unavailable), handoff: true, sources: [] };
    case 'found':
      return { replies: text(foundText(lookup.order, phrases, language)), handoff: false, sources: [JSON.stringify(lookup.order)] };
  }
}

function foundText(order: Order, phrases: Phrases, language: string): string {
  const status = (STATUS[language] ?? STATUS.en!)[order.status];
  const lines = [fill(phrases.status, { n: order.number, s: status })];
  if (order.estimatedDelivery && order.status !== 'delivered') lines.push(fill(phrases.eta, { d: order.estimatedDelivery }));
  const tracking = order.tracking?.url ?? order.tracking?.code;
  if (tracking) lines.push(fill(phrases.tracking, { t: tracking }));
  return lines.join('\n');
}
