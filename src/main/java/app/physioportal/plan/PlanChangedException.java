package app.physioportal.plan;

/** Someone else saved a new version since this editor loaded the plan. */
public class PlanChangedException extends RuntimeException {
    public PlanChangedException() {
        super("The plan was changed by someone else while you were editing. Reload to see the new version, "
                + "then make your change again.");
    }
}
