import { createRequire } from 'node:module';
import { historyFromJSON, historyToJSON, type History } from '@temporalio/common/lib/proto-utils';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

/**
 * `historyToJSON` / `historyFromJSON` of `@temporalio/common`, working around the install layout of this repository:
 * `@temporalio/common` and `@temporalio/proto` each get their own nested copy of protobufjs 8 (the top level holds
 * protobufjs 7 for @grpc/proto-loader), so the SDK's ProtoJSON check `type instanceof Type` fails across the two
 * copies with "type must be a Type". When it does, the same conversion runs with the copy that built the types.
 */
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

function protoJsonOfProtoPackage(): { protojson: ProtoJson; historyType: unknown } {
  const protoRequire = createRequire(require.resolve('@temporalio/proto'));
  const protojson = protoRequire('protobufjs/ext/protojson') as ProtoJson;
  const root = patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown };
  return { protojson, historyType: root.lookupType('temporal.api.history.v1.History') };
}

/** The SDK's conversion; when it fails across the two protobufjs copies, `fallback` with the copy of the types. */
function withProtoPackageFallback<T>(sdk: () => T, fallback: (protojson: ProtoJson, historyType: unknown) => T): T {
  try {
    return sdk();
  } catch (err) {
    if (!(err instanceof TypeError && err.message === 'type must be a Type')) throw err;
    const { protojson, historyType } = protoJsonOfProtoPackage();
    return fallback(protojson, historyType);
  }
}

export function historyToJson(history: History): string {
  return withProtoPackageFallback(
    () => historyToJSON(history),
    (protojson, historyType) => {
      const message = proto.temporal.api.history.v1.History.fromObject(history);
      return JSON.stringify(protojson.toJson(historyType, message), null, 2);
    },
  );
}

/** For histories written by `historyToJson` (the SDK's fallback also accepts the CLI's and the Web UI's forms). */
export function historyFromJson(json: unknown): History {
  return withProtoPackageFallback(
    () => historyFromJSON(json),
    (protojson, historyType) => protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History,
  );
}
