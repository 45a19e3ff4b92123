package app.physioportal.plan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PrescribedItemRepository extends JpaRepository<PrescribedItem, Long> {

    List<PrescribedItem> findByPlanVersionIdInOrderBySortOrderAsc(Collection<Long> planVersionIds);
}
