package app.physioportal.security;

/** Where a single-use link from an email stands, or what using it did. The pages say each in plain words. */
public enum LinkState {
    /** Valid: the page may offer what the link is for. */
    READY,
    /** Just used: the password is set, or the email changed. */
    DONE,
    /** Used before: a link works once. */
    USED,
    /** Past its time (72 hours for an invitation, 30 minutes for a reset, 24 hours for an email change). */
    EXPIRED,
    /** Cancelled by the clinic, replaced by a newer link of the same kind, or the account was disabled. */
    REVOKED,
    /** No such link: incomplete, altered, made up, or meant for another page. */
    UNKNOWN,
    /** An email change whose new address has meanwhile become another account's. */
    ADDRESS_TAKEN
}
