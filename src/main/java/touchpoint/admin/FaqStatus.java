package touchpoint.admin;

/** Lower-case because it is the API's vocabulary: {@code "status": "draft"}. */
enum FaqStatus { draft, published }
