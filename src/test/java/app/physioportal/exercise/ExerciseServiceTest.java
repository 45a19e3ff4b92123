package app.physioportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class ExerciseServiceTest {

    @Autowired
    ExerciseService exercises;

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void the_library_holds_the_clinics_exercises_each_with_steps_a_safety_note_and_a_dose() {
        var library = exercises.library();

        assertThat(library).extracting(ExerciseInfo::name).contains("Wall calf stretch", "Bent-knee wall stretch",
                "Seated hamstring stretch", "Foot stretch (plantar fascia)", "Double-leg calf raises",
                "Single-leg calf raises", "Resistance-band ankle strengthening", "Glute bridge",
                "Pillow under knees or feet", "Loose bedding");
        assertThat(library).extracting(ExerciseInfo::category).contains(Category.STRETCH, Category.STRENGTH,
                Category.POSITION);
        assertThat(library).allSatisfy(exercise -> {
            assertThat(exercise.steps()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(exercise.safetyNote()).isNotBlank();
            assertThat(exercise.targetArea()).isNotBlank();
            assertThat(exercise.defaultDosage().sets()).isPositive();
        });
        assertThat(exercises.byCode("wall-calf-stretch").targetArea()).contains("gastrocnemius");
        assertThat(exercises.byCode("bent-knee-wall-stretch").targetArea()).contains("soleus");
    }

    @Test
    void nobody_signed_in_is_refused() {
        assertThatThrownBy(() -> exercises.library()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
