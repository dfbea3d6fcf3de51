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
# One start at build time, stopped once it is up and has decided one question, writes the classes a start and the
# first question load to a class-data archive;
# every later start maps them instead of loading, verifying and linking them again (a restart's CPU 9 s -> 6 s on
# two cores). The archive belongs to this JRE and jar; a start with another ignores it with a warning.
RUN TOUCHPOINT_DATA_DIR=/tmp/class-archive-data MALLOC_ARENA_MAX=2 java -Xms32m -Xmx256m -XX:+UseSerialGC \
      -XX:ArchiveClassesAtExit=/app/touchpoint.jsa -Dtouchpoint.exit-after-start=true -jar /app/touchpoint.jar \
    && rm -rf /tmp/class-archive-data
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
# -Xms32m: without it the initial heap is 1/64 of the machine's memory, capped at -Xmx, so on any machine of 16 GB
# or more the whole 256 MB is committed at start (RSS after start 390 -> 344 MB). Under sustained load the serial
# collector still grows the old generation towards -Xmx before its first full collection (49 MB live after one).
ENTRYPOINT ["java", "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/app/touchpoint.jsa", "-jar", "/app/touchpoint.jar"]
