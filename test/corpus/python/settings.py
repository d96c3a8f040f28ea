# Django settings for the agent console.
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "django-insecure-RU1vL3S0wlFVst6p3DlSoj04xWuosVWvpY44lEH_WEQ"
DEBUG = False
ALLOWED_HOSTS = ["console.acme.dev"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "console",
        "USER": "console",
        "PASSWORD": "NMC3Blyb5KWQPrsxi7LJXuJ",
        "HOST": "db.console.internal",
        "PORT": "5432",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ.get("REPLICA_DB_PASSWORD", ""),
    },
}

CELERY_BROKER_URL = "redis://:a7wWvCbOzoZxCcMuL2US4f1SinP@cache.console.internal:6379/0"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache:6379/1"}}

EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "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"

AWS_ACCESS_KEY_ID = "AKIAFKCERDV4QRYJ3ZOY"
AWS_SECRET_ACCESS_KEY = "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"
AWS_STORAGE_BUCKET_NAME = "acme-console-uploads"

SOCIAL_AUTH_GITHUB_KEY = "Iv1.f1407bffe64afe9b"
SOCIAL_AUTH_GITHUB_SECRET = "3280b3f0f57187c39958c241c6af2335b15c4ba0"

SENTRY_DSN = "https://f18598e8384caaf01d2316b54fcff1f4@o450123.ingest.sentry.io/5581234"
PASSWORD_RESET_TIMEOUT = 3600
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]
SESSION_COOKIE_NAME = "console_session"
CSRF_COOKIE_NAME = "console_csrftoken"
STRIPE_PUBLISHABLE_KEY = "pk_live_510KrQOCSoMgvcDj9biFP9VxIsDJidCJZTUKlVuhUHSqow5o6ApumkkGgbQ8867rmE3AfRWJlfJTysrMhgJ9qdbQoFOFb5jyasB"
STRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"]
STRIPE_TEST_SECRET_KEY = "sk_test_51rnVrqCOjeF4qgVCqHqRM4rBrsRQCL14aTNT6mABD8fAsVBtCJmw1RCjJ1wn1hYQJOf32MWrb4XysO7SPJsNCTTHkzxg8wsFRe"
