"""Running the guide as several replicas behind HAProxy, with Redis for the live rooms (see deploy/README.md)."""
