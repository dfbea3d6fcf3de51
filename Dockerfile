# Builds the runnable jar, then runs it on a slim JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 touchpoint && mkdir -p /app/data && chown touchpoint /app/data
COPY --from=build /src/target/touchpoint.jar /app/touchpoint.jar
COPY faq-content /app/faq-content
COPY prompts /app/prompts
USER touchpoint
ENV TOUCHPOINT_DATA_DIR=/app/data
# glibc gives each thread that allocates natively (the embedding models run on request threads) an arena of its
# own, up to 8 per core, and keeps what they freed; two are plenty here.
ENV MALLOC_ARENA_MAX=2
EXPOSE 8080
# A fixed heap rather than a share of the container's memory: the service's live heap stays far below 256 MB
# (the embedding models live outside it), and a larger heap only grows the resident set between collections.
# The footprint bench (./mvnw -Pbench verify) starts the jar with exactly these options.
# The serial collector: on two cores its pauses at this heap size are a few milliseconds, and it carries none of
# G1's remembered sets and concurrent threads.
ENTRYPOINT ["java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/touchpoint.jar"]
