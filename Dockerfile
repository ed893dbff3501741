# syntax=docker/dockerfile:1
# ImageQuality production image: build with the .NET SDK, run on the slim runtime as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ImageQuality.sln ./
COPY src/ src/
# The ONNX models travel next to the binary (models/ under the publish folder).
COPY models/ models/
RUN dotnet publish src/ImageQuality.Cli/ImageQuality.Cli.csproj -c Release -o /app --no-self-contained

# The service host is ASP.NET Core (HTTP API), so the runtime image is the ASP.NET one.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Native codecs used by the pixel layer (JPEG 2000, JPEG-LS) come from Debian's packages.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libopenjp2-7 libcharls2 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/imagequality --create-home imagequality
COPY --from=build /app /opt/imagequality
ENV PATH="/opt/imagequality:${PATH}" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
USER imagequality
WORKDIR /var/lib/imagequality
VOLUME ["/var/lib/imagequality/data"]
# DICOM (plain and TLS) and HTTP ports of the service.
EXPOSE 11112 2762 8080
# A real DICOM round trip: the listener answers C-ECHO (the HTTP side has /healthz and /readyz for orchestrators).
HEALTHCHECK --interval=30s --timeout=10s --retries=3 CMD ["iq", "echo", "127.0.0.1", "11112", "--called-ae", "IMAGEQUALITY", "--timeout", "5"]
ENTRYPOINT ["iq"]
CMD ["serve"]
