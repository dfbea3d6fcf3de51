package touchpoint.survey;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an outside system (helpdesk, Slack relay...) about each new recovery task. Best effort on the I/O pool:
 * a slow or failing receiver is logged and never delays or fails the survey answer that caused the task.
 */
@Singleton
class RecoveryWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryWebhook.class);

    private final String url;
    private final ExecutorService executor;
    private volatile HttpClient client;

    RecoveryWebhook(SurveyConfig config, @Named(TaskExecutors.IO) ExecutorService executor) {
        this.url = config.recoveryWebhookUrl() == null || config.recoveryWebhookUrl().isBlank() ? null : config.recoveryWebhookUrl().strip();
        this.executor = executor;
    }

    @Serdeable
    record Payload(String event, RecoveryTask task) {
    }

    void announce(RecoveryTask task) {
        if (url == null) {
            return;
        }
        try {
            executor.submit(() -> send(task));
        } catch (RuntimeException e) {
            LOG.warn("recovery webhook not scheduled task={} reason={}", task.id(), e.toString());
        }
    }

    private void send(RecoveryTask task) {
        try {
            client().toBlocking().exchange(HttpRequest.POST(URI.create(url), new Payload("recovery_task_created", task)));
            LOG.info("recovery webhook delivered task={}", task.id());
        } catch (Exception e) {
            LOG.warn("recovery webhook failed task={} reason={}", task.id(), e.toString());
        }
    }

    private HttpClient client() throws java.net.MalformedURLException {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.create(URI.create(url).toURL());
                }
                c = client;
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
