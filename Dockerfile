# Multi-stage build of the production jar, run with the mariadb profile (see docker-compose.yml).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q -Pproduction dependency:go-offline
COPY src src
COPY frontend frontend
RUN ./mvnw -B -ntp -Pproduction -DskipTests package && cp target/physio-portal-*.jar /app.jar

# The jar is extracted (application jar + lib/) and given the JDK's ahead-of-time cache, made by a training run that
# starts the Spring context on an in-memory database and exits (JEP 514; README "Production jar"). The cache belongs
# to this JRE and this jar: it is made here, in the image that runs it.
FROM eclipse-temurin:25-jre
RUN useradd --system --home /app portal
WORKDIR /app
COPY --from=build /app.jar /tmp/app.jar
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/portal && rm /tmp/app.jar \
    && cd /app/portal && mv physio-portal-*.jar app.jar \
    && java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar \
       "--spring.datasource.url=jdbc:h2:mem:training;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
       --app.demo-data=false --app.reminders.enabled=false \
    && chown -R portal /app
USER portal
WORKDIR /app/portal
ENV SPRING_PROFILES_ACTIVE=mariadb
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
