package apis

// outputRows: calls that write their arguments where a person or another
// program sees them, in the order of the calls.
var outputRows = []Row{
	{"fmt", "", "Print", Output, 0, "writes its operands to standard output"},
	{"fmt", "", "Println", Output, 0, "writes its operands to standard output"},
	{"fmt", "", "Printf", Output, 0, "formats and writes to standard output"},
	{"fmt", "", "Fprint", Output, 1, "writes its operands to w"},
	{"fmt", "", "Fprintln", Output, 1, "writes its operands to w"},
	{"fmt", "", "Fprintf", Output, 1, "formats and writes to w"},
	{"io", "", "WriteString", Output, 1, "writes s to w"},
	{"io", "Writer", "Write", Output, 0, "the io.Writer contract: writes p to the underlying stream, in call order"},
	{"io", "StringWriter", "WriteString", Output, 0, "the io.StringWriter contract: writes s"},
	{"io", "ByteWriter", "WriteByte", Output, 0, "the io.ByteWriter contract: writes c"},
	{"bufio", "Writer", "Write", Output, 0, "buffers p for the underlying writer, in call order"},
	{"bufio", "Writer", "WriteString", Output, 0, "buffers s for the underlying writer"},
	{"bufio", "Writer", "WriteByte", Output, 0, "buffers c for the underlying writer"},
	{"bufio", "Writer", "WriteRune", Output, 0, "buffers r for the underlying writer"},
	{"os", "File", "Write", Output, 0, "writes p to the file"},
	{"os", "File", "WriteString", Output, 0, "writes s to the file"},
	{"os", "", "WriteFile", Output, 1, "writes data as the whole content of the named file"},
	{"strings", "Builder", "Write", Output, 0, "appends p to the builder's text"},
	{"strings", "Builder", "WriteString", Output, 0, "appends s to the builder's text"},
	{"strings", "Builder", "WriteByte", Output, 0, "appends c to the builder's text"},
	{"strings", "Builder", "WriteRune", Output, 0, "appends r to the builder's text"},
	{"bytes", "Buffer", "Write", Output, 0, "appends p to the buffer"},
	{"bytes", "Buffer", "WriteString", Output, 0, "appends s to the buffer"},
	{"bytes", "Buffer", "WriteByte", Output, 0, "appends c to the buffer"},
	{"bytes", "Buffer", "WriteRune", Output, 0, "appends r to the buffer"},
	{"text/tabwriter", "Writer", "Write", Output, 0, "writes p to the table's output"},
}

// sendRows: calls that send the bytes a reader yields to another program
// as the body of a request. The body is one message, sent whole: its
// order is what the server receives.
var sendRows = []Row{
	{"net/http", "", "NewRequest", Send, 2, "makes a request whose body, sent when a Client does the request, is what body yields"},
	{"net/http", "", "NewRequestWithContext", Send, 3, "makes a request whose body, sent when a Client does the request, is what body yields"},
	{"net/http", "", "Post", Send, 2, "sends a POST request whose body is what body yields"},
	{"net/http", "Client", "Post", Send, 2, "sends a POST request whose body is what body yields"},
}

// hashRows: calls whose result depends on the order of the bytes fed in.
// A hash.Hash is written through the io.Writer row of its Write method;
// the pass tells a hash from another writer by its type (IsHash).
var hashRows = []Row{
	{"crypto/sha256", "", "Sum256", Hash, 0, "the digest of data: a different order of the same parts is a different digest"},
	{"crypto/sha256", "", "Sum224", Hash, 0, "the digest of data"},
	{"crypto/sha1", "", "Sum", Hash, 0, "the digest of data"},
	{"crypto/md5", "", "Sum", Hash, 0, "the digest of data"},
	{"crypto/sha512", "", "Sum512", Hash, 0, "the digest of data"},
	{"hash/crc32", "", "ChecksumIEEE", Hash, 0, "the checksum of data"},
	{"hash/maphash", "", "String", Hash, 1, "the hash of s"},
	{"hash/maphash", "", "Bytes", Hash, 1, "the hash of b"},
}

// encodeRows: serialisers. Their output is bytes whose order follows the
// order of the calls and of the slices they are given, whatever a doc
// comment says about the order of the data.
var encodeRows = []Row{
	{"encoding/json", "Encoder", "Encode", Encode, 0, "writes the JSON encoding of v to the stream, one value per call"},
	{"encoding/json", "", "Marshal", Encode, 0, "returns the JSON encoding of v: a slice keeps its order"},
	{"encoding/json", "", "MarshalIndent", Encode, 0, "returns the JSON encoding of v: a slice keeps its order"},
	{"encoding/gob", "Encoder", "Encode", Encode, 0, "writes the gob encoding of e to the stream"},
	{"encoding/gob", "Encoder", "EncodeValue", Encode, 0, "writes the gob encoding of value to the stream"},
	{"encoding/xml", "Encoder", "Encode", Encode, 0, "writes the XML encoding of v to the stream"},
	{"encoding/xml", "Encoder", "EncodeElement", Encode, 0, "writes the XML encoding of v to the stream"},
	{"encoding/xml", "Encoder", "EncodeToken", Encode, 0, "writes the token to the stream"},
	{"encoding/xml", "", "Marshal", Encode, 0, "returns the XML encoding of v"},
	{"encoding/xml", "", "MarshalIndent", Encode, 0, "returns the XML encoding of v"},
	{"encoding/csv", "Writer", "Write", Encode, 0, "writes one CSV record, in call order"},
	{"encoding/csv", "Writer", "WriteAll", Encode, 0, "writes the records in their order"},
	{"encoding/binary", "", "Write", Encode, 2, "writes the binary representation of data to w"},
}

// logRows: loggers. Log lines of concurrent goroutines interleave, so the
// order of lines is rarely a result; iterorder reports them under -strict.
var logRows = []Row{
	{"log", "", "Print", Log, 0, "writes to the standard logger"},
	{"log", "", "Printf", Log, 0, "writes to the standard logger"},
	{"log", "", "Println", Log, 0, "writes to the standard logger"},
	{"log", "", "Fatal", Log, 0, "writes to the standard logger, then exits"},
	{"log", "", "Fatalf", Log, 0, "writes to the standard logger, then exits"},
	{"log", "", "Fatalln", Log, 0, "writes to the standard logger, then exits"},
	{"log", "", "Panic", Log, 0, "writes to the standard logger, then panics"},
	{"log", "", "Panicf", Log, 0, "writes to the standard logger, then panics"},
	{"log", "", "Panicln", Log, 0, "writes to the standard logger, then panics"},
	{"log", "Logger", "Print", Log, 0, "writes to the logger"},
	{"log", "Logger", "Printf", Log, 0, "writes to the logger"},
	{"log", "Logger", "Println", Log, 0, "writes to the logger"},
	{"log", "Logger", "Fatal", Log, 0, "writes to the logger, then exits"},
	{"log", "Logger", "Fatalf", Log, 0, "writes to the logger, then exits"},
	{"log", "Logger", "Panic", Log, 0, "writes to the logger, then panics"},
	{"log", "Logger", "Panicf", Log, 0, "writes to the logger, then panics"},
	{"log/slog", "", "Debug", Log, 0, "logs msg and attributes with the default logger"},
	{"log/slog", "", "Info", Log, 0, "logs msg and attributes with the default logger"},
	{"log/slog", "", "Warn", Log, 0, "logs msg and attributes with the default logger"},
	{"log/slog", "", "Error", Log, 0, "logs msg and attributes with the default logger"},
	{"log/slog", "", "DebugContext", Log, 1, "logs msg and attributes with the default logger"},
	{"log/slog", "", "InfoContext", Log, 1, "logs msg and attributes with the default logger"},
	{"log/slog", "", "WarnContext", Log, 1, "logs msg and attributes with the default logger"},
	{"log/slog", "", "ErrorContext", Log, 1, "logs msg and attributes with the default logger"},
	{"log/slog", "", "Log", Log, 2, "logs msg and attributes with the default logger"},
	{"log/slog", "", "LogAttrs", Log, 2, "logs msg and attributes with the default logger"},
	{"log/slog", "Logger", "Debug", Log, 0, "logs msg and attributes"},
	{"log/slog", "Logger", "Info", Log, 0, "logs msg and attributes"},
	{"log/slog", "Logger", "Warn", Log, 0, "logs msg and attributes"},
	{"log/slog", "Logger", "Error", Log, 0, "logs msg and attributes"},
	{"log/slog", "Logger", "DebugContext", Log, 1, "logs msg and attributes"},
	{"log/slog", "Logger", "InfoContext", Log, 1, "logs msg and attributes"},
	{"log/slog", "Logger", "WarnContext", Log, 1, "logs msg and attributes"},
	{"log/slog", "Logger", "ErrorContext", Log, 1, "logs msg and attributes"},
	{"log/slog", "Logger", "Log", Log, 2, "logs msg and attributes"},
	{"log/slog", "Logger", "LogAttrs", Log, 2, "logs msg and attributes"},
}

// messageRows: calls that make one message or error from their arguments.
// Returned from inside a map loop, such a message describes the entry that
// stopped the loop, like an error does.
var messageRows = []Row{
	{"fmt", "", "Sprintf", Message, 0, "formats its operands into a string"},
	{"fmt", "", "Sprint", Message, 0, "formats its operands into a string"},
	{"fmt", "", "Errorf", Message, 0, "formats its operands into an error"},
	{"errors", "", "New", Message, 0, "returns an error with the text"},
	{"errors", "", "Join", Message, 0, "returns an error whose text lists the errors' texts in their order"},
}
