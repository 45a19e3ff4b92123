package app.physioportal.security;

/**
 * An email telling a person that something about their sign-in changed (password, second factor), so a change
 * they did not make does not go unnoticed. Published in the transaction that made the change; sent after it
 * committed. Never carries a password or a code.
 */
record SecurityNotice(String email, String name, String subject, String what) {
}
