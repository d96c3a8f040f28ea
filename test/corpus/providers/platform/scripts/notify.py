"""Incident notifications (keys hardcoded on purpose: this is the labelled corpus)."""
import os

from twilio.rest import Client

twilio = Client("AC97feee6b84ccf560d530a142076a34a3", "3cc53a4682be8e940cb03eb92ab1c470")
POSTMARK_SERVER_TOKEN = "088d10d1-4fbd-4fc8-9700-14d40e6b33a0"
SHOPIFY_ACCESS_TOKEN = "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"
BRAINTREE_ACCESS_TOKEN = "access_token$production$66y1tui9dcczfhbv$077e01bcb59b53dc385aa6606566dc67"
SQUARE_ACCESS_TOKEN = "EAAA_BfDg0qJUxtc7SBIP2eSbxCH1L4rPiVRqpiv8eutAa8kCXUan4JCpqvHXkCs"
PLAID_ACCESS_TOKEN = "access-production-68163aec-ac6a-4cf7-a508-521857d9cf25"
PAYSTACK_SECRET_KEY = "sk_live_f32feafb0ee97e302107673b7b5437aa8bdea9a0"
OKTA_API_TOKEN = "00U3KJcaqHPpVMEXTVMdTjFZohB93QJ2i4vPzkRz46"
GOOGLE_REFRESH_TOKEN = "1//0ben1Q23_BuF0Zeni0egSDYOPIb1taMTpTKH54-cIhJjP_30Cmv_xrjtt8bkkrHokqYSJ3C0cqcsY1ZvrTUEgijjoRdJ6wGBDB079"
SAS_URL = "https://acmeagents.blob.core.windows.net/reports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&spr=https&sig=TK02Ow86s3ycsQ0JsiQzFBPTjBoqwCLysnsywt7UiHf%3D"
WEBHOOK = os.environ["SLACK_WEBHOOK_URL"]
