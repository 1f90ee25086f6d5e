// Dialogmelding over AMQP: MsgHead 1.2 / Dialogmelding 1.1 / AppRec 1.0, CMS sign-then-encrypt.
export {};
