package touchpoint.channel.telegram;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelDirectory;
import touchpoint.channel.ChannelNotFound;
import touchpoint.infra.Roles;

/** A Telegram channel's webhook as Telegram last accepted it, and a way to register it again now. */
@Controller("/api/admin/channels/{id}/telegram")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin")
class TelegramAdminController {

    private final ChannelDirectory channels;
    private final TelegramWebhooks webhooks;

    TelegramAdminController(ChannelDirectory channels, TelegramWebhooks webhooks) {
        this.channels = channels;
        this.webhooks = webhooks;
    }

    @Get
    @Operation(summary = "The bot and its webhook: registered, where, and Telegram's last refusal if any")
    TelegramWebhooks.Status status(String id) {
        return webhooks.status(telegram(id));
    }

    @Post("/sync")
    @Operation(summary = "Register (or, for a disabled channel, delete) the webhook with Telegram now")
    TelegramWebhooks.Status sync(String id) {
        return webhooks.sync(telegram(id), true);
    }

    private Channel telegram(String id) {
        return channels.find(id).filter(c -> TelegramChannelType.TYPE.equals(c.type())).orElseThrow(ChannelNotFound::new);
    }
}
