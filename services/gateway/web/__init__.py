"""The staff UI's small web kit, used by every area of the gateway: templating with the
language of the request (i18n), forms and their fields, sending a form to a service and
showing its refusal, CSRF and idempotency tokens, the base page and the stylesheet."""
