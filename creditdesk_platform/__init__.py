"""A reference city credit platform (protocol version 1) for CreditDesk's tests and demos.

Not part of the app: ``creditdesk`` never imports this package. It holds

- :mod:`creditdesk_platform.bundles`: signed offline bundles (``.cdpkg``, protocol section 6);
- :mod:`creditdesk_platform.server`: the exchange HTTP server (sections 1-5) with
  switchable misbehaviour for the client's robustness tests;
- :mod:`creditdesk_platform.cli`: ``creditdesk-platform serve | bundle``.

It follows "City credit platform exchange protocol, version 1" to the letter;
the client is tested against it.
"""
