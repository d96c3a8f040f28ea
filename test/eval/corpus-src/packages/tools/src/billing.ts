import Stripe from 'stripe';

export const stripe = new Stripe('⟦stripe-sk⟧', { apiVersion: '2025-06-30.basil' }); ⟪+ key:stripe live secret key passed to Stripe⟫
export const restricted = new Stripe('⟦stripe-rk⟧'); ⟪+ key:stripe/stripe-rk restricted live key⟫
export const testStripe = new Stripe('⟦sk-test⟧'); ⟪- test-key Stripe test-mode secret key⟫
export const docsStripe = new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc'); ⟪- example-key Stripe docs test key⟫
export const envStripe = new Stripe(process.env.STRIPE_SECRET_KEY!); ⟪- env-read env read⟫

export const PUBLISHABLE_KEY = '⟦pk-live⟧'; ⟪- non-secret-id publishable key (public by design)⟫
export const TEST_PUBLISHABLE_KEY = '⟦pk-test⟧'; ⟪- non-secret-id test publishable key⟫
const STRIPE_WEBHOOK_SECRET = '⟦whsec⟧'; ⟪+ generic:webhook-secret Stripe webhook signing secret⟫
const restrictedTestKey = '⟦rk-test⟧'; ⟪- test-key restricted test-mode key⟫

export const PLANS = {
  pro: '⟦stripe-price⟧', ⟪- non-secret-id Stripe price id⟫
  team: '⟦stripe-price⟧', ⟪- non-secret-id Stripe price id⟫
};

export function verify(payload: string, signature: string, secret = '⟦whsec⟧') { ⟪+ generic:webhook-secret default parameter⟫
  return stripe.webhooks.constructEvent(payload, signature, secret ?? STRIPE_WEBHOOK_SECRET);
}

export async function charge(customer = '⟦stripe-customer⟧') { ⟪- non-secret-id customer id default⟫
  return stripe.paymentIntents.create(
    { amount: 2000, currency: 'usd', customer, on_behalf_of: '⟦stripe-account⟧' }, ⟪- non-secret-id connected account id⟫
    { idempotencyKey: '⟦uuid⟧' }, ⟪- uuid idempotency key⟫
  );
}
export { restrictedTestKey };
