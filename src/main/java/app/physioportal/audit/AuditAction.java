package app.physioportal.audit;

public enum AuditAction {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    LOGOUT,
    ACCESS_DENIED,
    ACCOUNT_CREATED,
    PATIENT_ASSIGNED,
    CRAMP_LOGGED,
    CRAMP_UPDATED,
    CRAMP_DELETED,
    NIGHT_CHECKED_IN,
    DIARY_VIEWED
}
