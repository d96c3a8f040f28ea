import Stripe from 'stripe';

export const stripe = new Stripe('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', { apiVersion: '2025-06-30.basil' });
export const restricted = new Stripe('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');
export const testStripe = new Stripe('sk_test_51Pkit9e5cMxZTCnspZOsOg3w7SmyiaH0W21wYnOKTG29zS6nTjWBU9ZvtTnbDjlq6Sr3EripNk6fnsxTCad5ToeNRvnGcOWxik');
export const docsStripe = new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc');
export const envStripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export const PUBLISHABLE_KEY = 'pk_live_51VukDU4i9uHEpQJq7iMZzm77GQQEVmg6JE8zuTIaLLfNk4P9DpYJhAj1NHGldJDb33zo6dXUE9g2ns87WCZuMw7pFp4qZN0TMs';
export const TEST_PUBLISHABLE_KEY = 'pk_test_51kOVLcaWk6owjVDCg9D1tNak0Skc0d3lbNEzlRmW6dvSmldte9K2VIqRE0X41OjzDxTDAjlitQy36bN0e1f39xyI5pGs1XM0yh';
const STRIPE_WEBHOOK_SECRET = 'whsec_WbA0BspjtuDuoFUnQw784b5TXlO77rwO';
const restrictedTestKey = 'rk_test_51fZ3GWIOomPvOQZNwj2uc9odHBSc0fl8tZBayXDCeTztgofiI5Xs6MYc7gbkq3W6OFcdzlj94jnEhu91gxs49wgeGwjTMUxiY0';

export const PLANS = {
  pro: 'price_1dgXxwl934Lh1ZJnHgZDNZ6y',
  team: 'price_1JmLioRo3NSWJOTTJLzUxgMF',
};

export function verify(payload: string, signature: string, secret = 'whsec_R9ugb16s3XmY5jUHTU5wOy0RKEfh9hDf') {
  return stripe.webhooks.constructEvent(payload, signature, secret ?? STRIPE_WEBHOOK_SECRET);
}

export async function charge(customer = 'cus_HykMmlxPVuksFk') {
  return stripe.paymentIntents.create(
    { amount: 2000, currency: 'usd', customer, on_behalf_of: 'acct_1nBr2QYqJi2CGu6u' },
    { idempotencyKey: 'dab4ae7a-77c1-4387-8141-8718c59423ad' },
  );
}
export { restrictedTestKey };
