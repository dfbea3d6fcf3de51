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
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/touchpoint.jar"]
