/** The kinds of personal data tier 2 finds in messages; the names are the `guard eval --mode pii` types. */
export const PII_TYPES = ['IBAN', 'CREDIT_CARD', 'IT_FISCAL_CODE', 'IT_VAT', 'DE_TAX_ID', 'PHONE', 'EMAIL', 'DATE_OF_BIRTH', 'SECRET'] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** Never given back to the customer, whatever the business config says. */
export const NEVER_RESTORED: readonly PiiType[] = ['SECRET', 'CREDIT_CARD', 'IBAN'];
