/** Identifier system of messages citizens write (appointment replies and municipal messages alike). */
export const citizenMessageIdentifierSystem = 'urn:innboks:citizen-message';
