"""Incident notifications (keys hardcoded on purpose: this is the labelled corpus)."""
import os

from twilio.rest import Client

twilio = Client("⟦twilio-sid@sid⟧", "⟦twilio-token⟧") ⟪+ key:twilio-sid-auth-token account SID and auth token⟫
POSTMARK_SERVER_TOKEN = "⟦postmark-token⟧" ⟪+ key:postmark⟫
SHOPIFY_ACCESS_TOKEN = "⟦shopify-token⟧" ⟪+ key:shopify⟫
BRAINTREE_ACCESS_TOKEN = "⟦paypal-braintree⟧" ⟪+ key:paypal-braintree⟫
SQUARE_ACCESS_TOKEN = "⟦square⟧" ⟪+ key:square⟫
PLAID_ACCESS_TOKEN = "⟦plaid⟧" ⟪+ key:plaid⟫
PAYSTACK_SECRET_KEY = "⟦paystack⟧" ⟪+ key:paystack⟫
OKTA_API_TOKEN = "⟦okta-token⟧" ⟪+ key:okta⟫
GOOGLE_REFRESH_TOKEN = "⟦google-oauth-refresh⟧" ⟪+ key:google-oauth-token⟫
SAS_URL = "https://acmeagents.blob.core.windows.net/reports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&spr=https&sig=⟦azure-sas-sig⟧" ⟪+ key:azure-sas-token⟫
WEBHOOK = os.environ["SLACK_WEBHOOK_URL"] ⟪- env-read⟫
