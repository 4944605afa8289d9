package vn.iip.serve;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.connect.proto.AddArtifactsRequest;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ConfigResponse;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.KeyValue;
import org.sparkproject.connect.grpc.ForwardingServerCall;
import org.sparkproject.connect.grpc.ForwardingServerCallListener;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;

/**
 * The endpoint's gRPC interceptor ({@code spark.connect.grpc.interceptor.classes}): every request is judged as the
 * client sent it, before Spark Connect deserialises or plans anything ({@link ConnectPlans}); uploads of classes,
 * jars and files are refused (only the data of a large local DataFrame, a {@code cache/} artifact, is taken); the
 * client may set only the session settings analysts may ({@link SessionSettings}); and the values of secret settings
 * are blanked in what the server answers. A refused call ends with PERMISSION_DENIED and the reason.
 */
public final class ConnectRequestGuard implements ServerInterceptor {

    /** What the endpoint does before each client request runs (follow a new gold publish); set once at start. */
    private static volatile Runnable beforeEachRequest = () -> { };

    static void beforeEachRequest(Runnable action) {
        beforeEachRequest = action;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        AtomicReference<String> configPrefix = new AtomicReference<>("");
        ServerCall<Q, R> redacting = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            @SuppressWarnings("unchecked")
            public void sendMessage(R message) {
                super.sendMessage(message instanceof ConfigResponse response
                        ? (R) redacted(response, configPrefix.get()) : message);
            }
        };
        AtomicBoolean refused = new AtomicBoolean();
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(redacting, headers)) {
            @Override
            public void onMessage(Q message) {
                if (refused.get()) {
                    return;
                }
                Optional<String> refusal = refusal(message, configPrefix);
                if (refusal.isPresent()) {
                    refused.set(true);
                    try {
                        call.close(Status.PERMISSION_DENIED.withDescription(refusal.get()), new Metadata());
                    } catch (IllegalStateException alreadyClosed) {
                        // the token check closed it first
                    }
                    return;
                }
                if (message instanceof ExecutePlanRequest || message instanceof AnalyzePlanRequest) {
                    beforeEachRequest.run();
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused.get()) {
                    super.onHalfClose();
                }
            }
        };
    }

    static Optional<String> refusal(Object message, AtomicReference<String> configPrefix) {
        if (message instanceof ExecutePlanRequest request) {
            return ConnectPlans.refusal(request);
        }
        if (message instanceof AnalyzePlanRequest request) {
            return ConnectPlans.refusal(request);
        }
        if (message instanceof ConfigRequest request) {
            return config(request.getOperation(), configPrefix);
        }
        if (message instanceof AddArtifactsRequest request) {
            return artifacts(request);
        }
        return Optional.empty();
    }

    private static Optional<String> config(ConfigRequest.Operation operation, AtomicReference<String> prefix) {
        List<String> changed = switch (operation.getOpTypeCase()) {
            case SET -> operation.getSet().getPairsList().stream().map(KeyValue::getKey).toList();
            case UNSET -> operation.getUnset().getKeysList();
            default -> List.of();
        };
        if (operation.hasGetAll() && operation.getGetAll().hasPrefix()) {
            prefix.set(operation.getGetAll().getPrefix());
        }
        return changed.stream().filter(key -> !SessionSettings.settable(key)).findFirst()
                .map(SessionSettings::setRefusal);
    }

    private static Optional<String> artifacts(AddArtifactsRequest request) {
        List<String> names = request.hasBatch()
                ? request.getBatch().getArtifactsList().stream().map(AddArtifactsRequest.SingleChunkArtifact::getName)
                        .toList()
                : request.hasBeginChunk() ? List.of(request.getBeginChunk().getName()) : List.of();
        return names.stream().filter(name -> !name.startsWith("cache/")).findFirst().map(name ->
                ReadOnlyGuard.READ_ONLY + "uploading " + name + " would add code or files to the server; classes,"
                        + " jars and files are not accepted. " + WarehouseNames.whatAnalystsRead());
    }

    /** The answer with the value of every secret setting blanked (the token, a metastore password). */
    static ConfigResponse redacted(ConfigResponse response, String prefix) {
        ConfigResponse.Builder builder = response.toBuilder().clearPairs();
        for (KeyValue pair : response.getPairsList()) {
            builder.addPairs(SessionSettings.secret(prefix + pair.getKey()) && pair.hasValue()
                    ? pair.toBuilder().setValue("*********(redacted)").build() : pair);
        }
        return builder.build();
    }
}
