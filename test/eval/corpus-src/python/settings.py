# Django settings for the agent console.
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent ⟪- path path expression⟫
SECRET_KEY = "django-insecure-⟦urlsafe43⟧" ⟪+ generic:django-secret Django SECRET_KEY⟫
DEBUG = False
ALLOWED_HOSTS = ["console.acme.dev"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "console",
        "USER": "console",
        "PASSWORD": "⟦db-password⟧", ⟪+ generic:db-password Django DB password⟫
        "HOST": "db.console.internal",
        "PORT": "5432",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ.get("REPLICA_DB_PASSWORD", ""), ⟪- env-read env read⟫
    },
}

CELERY_BROKER_URL = "redis://:⟦db-password⟧@cache.console.internal:6379/0" ⟪+ conn:redis Redis URL with empty user and a password⟫
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache:6379/1"}} ⟪- url no password⟫

EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "⟦sendgrid⟧" ⟪+ key:sendgrid SMTP password is a SendGrid key⟫

AWS_ACCESS_KEY_ID = "⟦aws-akid⟧" ⟪+ key:aws-access-key-id boto settings⟫
AWS_SECRET_ACCESS_KEY = "⟦aws-secret⟧" ⟪+ key:aws-secret-access-key boto settings⟫
AWS_STORAGE_BUCKET_NAME = "acme-console-uploads" ⟪- benign-name bucket name⟫

SOCIAL_AUTH_GITHUB_KEY = "⟦github-client-id⟧" ⟪- non-secret-id OAuth client id (called KEY by the library)⟫
SOCIAL_AUTH_GITHUB_SECRET = "⟦github-client-secret⟧" ⟪+ generic:client-secret OAuth client secret⟫

SENTRY_DSN = "https://⟦md5⟧@o450123.ingest.sentry.io/5581234" ⟪- url Sentry DSN (public key, ingest only)⟫
PASSWORD_RESET_TIMEOUT = 3600
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}] ⟪- benign-name validator names⟫
SESSION_COOKIE_NAME = "console_session" ⟪- benign-name cookie name⟫
CSRF_COOKIE_NAME = "console_csrftoken" ⟪- benign-name cookie name⟫
STRIPE_PUBLISHABLE_KEY = "⟦pk-live⟧" ⟪- non-secret-id publishable key⟫
STRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"] ⟪- env-read env read⟫
STRIPE_TEST_SECRET_KEY = "⟦sk-test⟧" ⟪- test-key test-mode key⟫
