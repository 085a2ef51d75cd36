const euroFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** Integer cents as French readers write euros: "12 500,50 €". */
export const frenchEuros = (cents: number) => euroFormat.format(cents / 100);
