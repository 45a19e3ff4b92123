package app.physioportal.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppointmentRepository extends JpaRepository<Appointment, Long> {

    List<Appointment> findByPatientIdOrderByStartsAtAsc(long patientId);

    Optional<Appointment> findByIdAndPatientId(long id, long patientId);

    @Query("select a from Appointment a where a.physioId = :physioId and a.status <> app.physioportal.booking.AppointmentStatus.CANCELLED"
            + " and a.startsAt < :to and a.endsAt > :from order by a.startsAt")
    List<Appointment> findLiveOfPhysio(long physioId, Instant from, Instant to);

    @Query("select count(a) from Appointment a where a.patientId = :patientId"
            + " and a.status = app.physioportal.booking.AppointmentStatus.BOOKED and a.startsAt > :now")
    long countFutureBooked(long patientId, Instant now);

    @Query("select a from Appointment a where a.patientId in :patientIds"
            + " and a.status = app.physioportal.booking.AppointmentStatus.BOOKED and a.startsAt > :now order by a.startsAt")
    List<Appointment> findFutureBooked(Collection<Long> patientIds, Instant now);

    @Query("select a from Appointment a where a.status = app.physioportal.booking.AppointmentStatus.BOOKED"
            + " and a.startsAt >= :from and a.startsAt < :to order by a.startsAt")
    List<Appointment> findBookedStartingBetween(Instant from, Instant to);
}
