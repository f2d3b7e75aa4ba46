package cn.zwgk.assistant.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CalendarRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<SpecialDay> days() {
        return jdbc.sql("select cal_day, kind, name from calendar_day order by cal_day")
                .query((rs, n) -> new SpecialDay(rs.getDate("cal_day").toLocalDate(), DayKind.valueOf(rs.getString("kind")),
                        rs.getString("name")))
                .list();
    }

    Set<Integer> years() {
        return new TreeSet<>(jdbc.sql("select cal_year from calendar_year").query(Integer.class).list());
    }

    void saveDay(SpecialDay day) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update calendar_day set kind = ?, name = ?, updated_at = ? where cal_day = ?")
                .params(day.kind().name(), day.name(), now, Date.valueOf(day.day())).update();
        if (updated == 0) {
            jdbc.sql("insert into calendar_day (cal_day, kind, name, updated_at) values (?, ?, ?, ?)")
                    .params(Date.valueOf(day.day()), day.kind().name(), day.name(), now).update();
        }
    }

    boolean deleteDay(LocalDate day) {
        return jdbc.sql("delete from calendar_day where cal_day = ?").param(Date.valueOf(day)).update() == 1;
    }

    void saveYear(int year, String source) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update calendar_year set source = ?, updated_at = ? where cal_year = ?")
                .params(source, now, year).update();
        if (updated == 0) {
            jdbc.sql("insert into calendar_year (cal_year, source, updated_at) values (?, ?, ?)")
                    .params(year, source, now).update();
        }
    }
}
