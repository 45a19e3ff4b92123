package app.physioportal.admin.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.security.Helpers;
import app.physioportal.security.Invitations;
import app.physioportal.security.PasswordResets;

/**
 * What the account pages need beyond the accounts themselves: invitations, reset links, patients' helpers, and the
 * clinic's clock.
 */
record LinkServices(Invitations invitations, PasswordResets resets, Helpers helpers, Clinic clinic) {
}
