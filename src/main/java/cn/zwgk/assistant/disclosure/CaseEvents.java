package cn.zwgk.assistant.disclosure;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline of each case ({@code disclosure_event}). */
@Repository
class CaseEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(String trackingNo, String actor, String action, CaseStatus from, CaseStatus to, String detail) {
        jdbc.sql("""
                insert into disclosure_event (tracking_no, at, actor, action, from_status, to_status, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(trackingNo, Timestamp.from(clock.instant()), actor, action, from == null ? null : from.name(),
                        to.name(), detail)
                .update();
    }

    List<CaseView.TimelineEntry> timeline(String trackingNo) {
        return jdbc.sql("select at, actor, action, from_status, to_status, detail from disclosure_event"
                        + " where tracking_no = ? order by id")
                .param(trackingNo)
                .query((rs, n) -> new CaseView.TimelineEntry(rs.getTimestamp("at").toInstant().toString(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("detail")))
                .list();
    }
}
