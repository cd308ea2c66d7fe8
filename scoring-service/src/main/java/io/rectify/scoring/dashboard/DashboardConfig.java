package io.rectify.scoring.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the operators' dashboard ({@code rectify.dashboard.*}, each also an environment variable). */
@ConfigMapping(prefix = "rectify.dashboard")
public interface DashboardConfig {

    /**
     * Serve {@code /dashboard} and its stream. The page needs no token (see the README): a deployment
     * whose network is not trusted turns it off ({@code RECTIFY_DASHBOARD_ENABLED=false}) and gets 404s.
     */
    @WithDefault("true")
    boolean enabled();

    /** Notification events kept and shown (newest first). */
    @WithDefault("50")
    int notificationsKept();

    /**
     * Records re-read per partition of {@code notification.events} when this instance joins: a restarted
     * instance shows the latest notifications at once without reading 30 days of them.
     */
    @WithDefault("50")
    int recentNotificationsPerPartition();

    /** Overdue major hazards listed (the total is counted regardless). */
    @WithDefault("100")
    int overdueShown();

    /**
     * The overdue list is refreshed within a second of an index change; without one it is still
     * refreshed this often (a hazard falls due with time alone; the scoring tick catches up later).
     */
    @WithDefault("30s")
    Duration overdueRefresh();

    /** A comment line this often keeps idle streams open through proxies and finds dead ones. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Open streams per instance; more are answered 503 (the stream needs no token, so it is bounded). */
    @WithDefault("200")
    int maxStreams();

    /**
     * Where the page links the selected county's hazard register (hazard-service's export; the download
     * needs a bearer token there, the page has none).
     */
    @WithDefault("http://127.0.0.1:8082/api/v1/hazards/export")
    String hazardExportUrl();
}
