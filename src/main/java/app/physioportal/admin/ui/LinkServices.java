package app.physioportal.admin.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.security.Invitations;
import app.physioportal.security.PasswordResets;

/** What the account pages need for a patient's emailed links: invitations, reset links, and the clinic's clock. */
record LinkServices(Invitations invitations, PasswordResets resets, Clinic clinic) {
}
