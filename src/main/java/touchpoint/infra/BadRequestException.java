package touchpoint.infra;

/**
 * The former name of {@link InvalidRequest}, kept so that code written against it still compiles; new code
 * throws {@link InvalidRequest}.
 */
@Deprecated(forRemoval = true)
public class BadRequestException extends InvalidRequest {

    public BadRequestException(String field, String message) {
        super(field, message);
    }
}
