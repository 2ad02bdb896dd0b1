"""Documents the gateway renders for people from what the services answer (Art. 15 DSGVO)."""
