package app.physioportal.audit;

public enum AuditAction {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    LOGOUT,
    ACCESS_DENIED,
    ACCOUNT_CREATED,
    PATIENT_ASSIGNED
}
