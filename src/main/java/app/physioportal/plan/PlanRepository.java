package app.physioportal.plan;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<Plan, Long> {

    Optional<Plan> findByPatientId(Long patientId);

    List<Plan> findByPatientIdIn(Collection<Long> patientIds);
}
