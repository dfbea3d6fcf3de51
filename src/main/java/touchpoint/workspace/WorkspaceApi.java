package touchpoint.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the workspace's API. */
final class WorkspaceApi {

    private WorkspaceApi() {
    }

    @Serdeable
    record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }

    @Serdeable
    record LabelsRequest(@Nullable @Size(max = 20) List<String> add, @Nullable @Size(max = 20) List<String> remove) {
    }

    @Serdeable
    record LabelsResponse(List<String> labels) {
    }

    @Serdeable
    record CannedReplyRequest(@NotBlank @Size(max = 41) String shortcut, @NotBlank @Size(max = 200) String title,
                              @NotBlank @Size(max = 4000) String body) {
    }
}
