import {
  Binary,
  Bool,
  Data,
  DataType,
  Date_,
  Decimal,
  Dictionary,
  Duration,
  Field,
  FixedSizeBinary,
  FixedSizeList,
  Float,
  Int,
  Interval,
  LargeBinary,
  LargeList,
  LargeUtf8,
  List,
  Map_,
  Null,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Time,
  Timestamp,
  Type,
  Union,
  Utf8,
  Vector,
} from "apache-arrow";
import { EdgelitApiError } from "../errors/api-error.ts";

/**
 * The table as one built by edgelit's own copy of Apache Arrow. A project can
 * hold a second copy (another version pinned by the app, or one that a library
 * such as Arquero brings): its tables pass `instanceof Table`, but Arrow's IPC
 * writer does not recognise their columns and writes them without their
 * buffers, so the page would show empty or broken columns. Such a table is
 * rebuilt here around the same buffers (nothing is copied); a table of the
 * own copy is returned as it is.
 *
 * @example const table = ownArrowTable(arquero.table(columns).toArrow());
 */
export function ownArrowTable(table: Table): Table {
  if (table.constructor === Table) return table;
  const fields = table.schema.fields.map(ownField);
  const schema = new Schema(fields, table.schema.metadata);
  const rowType = new Struct(fields);
  const batches = table.batches.map(
    (batch) => new RecordBatch(schema, ownData(batch.data, rowType) as Data<Struct>),
  );
  return new Table(schema, batches);
}

// --- Internal helpers ---

function ownField(field: Field): Field {
  return new Field(field.name, ownType(field.type), field.nullable, field.metadata);
}

function ownData(data: Data, type: DataType): Data {
  const children = data.children.map((child, index) =>
    ownData(child, (type.children as Field[])[index]!.type),
  );
  const dictionary =
    data.dictionary && type instanceof Dictionary
      ? new Vector(data.dictionary.data.map((chunk) => ownData(chunk, type.dictionary)))
      : undefined;
  return new Data(
    type,
    data.offset,
    data.length,
    data.nullCount,
    data.buffers,
    children,
    dictionary,
  );
}

// The same type, made by this copy's classes from its parameters.
function ownType(type: DataType): DataType {
  const foreign = type as DataType & Record<string, unknown>;
  const child = () => ownField((type.children as Field[])[0]!);
  switch (type.typeId) {
    case Type.Null:
      return new Null();
    case Type.Bool:
      return new Bool();
    case Type.Int:
      return new Int(foreign.isSigned as boolean, foreign.bitWidth as 8 | 16 | 32 | 64);
    case Type.Float:
      return new Float(foreign.precision as number);
    case Type.Utf8:
      return new Utf8();
    case Type.LargeUtf8:
      return new LargeUtf8();
    case Type.Binary:
      return new Binary();
    case Type.LargeBinary:
      return new LargeBinary();
    case Type.FixedSizeBinary:
      return new FixedSizeBinary(foreign.byteWidth as number);
    case Type.Decimal:
      return new Decimal(
        foreign.scale as number,
        foreign.precision as number,
        foreign.bitWidth as number,
      );
    case Type.Date:
      return new Date_(foreign.unit as number);
    case Type.Time:
      return new Time(foreign.unit as number, foreign.bitWidth as 32 | 64);
    case Type.Timestamp:
      return new Timestamp(foreign.unit as number, foreign.timezone as string | null);
    case Type.Interval:
      return new Interval(foreign.unit as number);
    case Type.Duration:
      return new Duration(foreign.unit as number);
    case Type.List:
      return new List(child());
    case Type.LargeList:
      return new LargeList(child());
    case Type.FixedSizeList:
      return new FixedSizeList(foreign.listSize as number, child());
    case Type.Struct:
      return new Struct((type.children as Field[]).map(ownField));
    case Type.Map:
      return new Map_(child() as Field<Struct>, foreign.keysSorted as boolean);
    case Type.Union:
      return new Union(
        foreign.mode as number,
        Array.from(foreign.typeIds as ArrayLike<number>),
        (type.children as Field[]).map(ownField),
      );
    case Type.Dictionary:
      return new Dictionary(
        ownType(foreign.dictionary as DataType),
        ownType(foreign.indices as DataType) as Int as ConstructorParameters<typeof Dictionary>[1],
        foreign.id as number,
        foreign.isOrdered as boolean,
      );
    default:
      throw new EdgelitApiError(
        `This Apache Arrow table comes from another copy of apache-arrow and has a column of type ${String(type)}, which edgelit cannot take over from it; build the table with the apache-arrow version edgelit uses, or pass records or columns.`,
      );
  }
}
