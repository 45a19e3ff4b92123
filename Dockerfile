# Multi-stage build of the production jar, run with the mariadb profile (see docker-compose.yml).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q -Pproduction dependency:go-offline
COPY src src
COPY frontend frontend
RUN ./mvnw -B -ntp -Pproduction -DskipTests package && cp target/physio-portal-*.jar /app.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --home /app portal
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER portal
ENV SPRING_PROFILES_ACTIVE=mariadb
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
