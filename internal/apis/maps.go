package apis

import (
	"go/types"
	"reflect"
)

// mapRows: what the maps package and the decoders do to maps.
var mapRows = []Row{
	{"maps", "", "Copy", MapWrite, 0, "copies every entry of src into dst; panics when dst is nil and src is not empty"},
	{"maps", "", "Copy", MapRead, 1, "ranges over src"},
	{"maps", "", "Insert", MapWrite, 0, "adds every pair of the sequence to m; panics when m is nil and the sequence is not empty"},
	{"maps", "", "DeleteFunc", MapWrite, 0, "deletes the entries for which del returns true (no MapFill row: deleting from a nil map is a no-op, not a panic)"},
	{"maps", "", "Copy", MapFill, 0, "assigns dst[k] = v for every entry of src: the runtime panics (\"assignment to entry in nil map\") when dst is nil and src is not empty"},
	{"maps", "", "Copy", FillFrom, 1, "the entries copied are those of src: an empty src writes nothing"},
	{"maps", "", "Insert", MapFill, 0, "assigns m[k] = v for every pair of seq: panics when m is nil and seq yields a pair"},
	{"maps", "", "Insert", FillFrom, 1, "the pairs inserted are those seq yields"},
	{"maps", "", "All", Entries, 0, "documented: \"returns an iterator over key-value pairs from m\"; it yields nothing for an empty m"},
	{"maps", "", "Keys", MapRead, 0, "the iterator ranges over m"},
	{"maps", "", "Values", MapRead, 0, "the iterator ranges over m"},
	{"maps", "", "All", MapRead, 0, "the iterator ranges over m"},
	{"maps", "", "Clone", MapRead, 0, "copies every entry of m"},
	{"maps", "", "Clone", NilIfNil, 0, "documented: \"Clone returns a copy of m... if m is nil, Clone returns nil\""},
	{"maps", "", "Equal", MapRead, 0, "compares every entry"},
	{"maps", "", "Equal", MapRead, 1, "compares every entry"},
	{"maps", "", "EqualFunc", MapRead, 0, "compares every entry"},
	{"maps", "", "EqualFunc", MapRead, 1, "compares every entry"},
	{"maps", "", "Collect", NonNilMap, Recv, "makes a new map, also for an empty sequence"},

	// The maps functions that take no function and no iterator: they only
	// touch the maps they are given (== on keys and values calls no code).
	{"maps", "", "Copy", CallsNothing, 0, "ranges over src and assigns into dst"},
	{"maps", "", "Clone", CallsNothing, 0, "copies the entries of m"},
	{"maps", "", "Equal", CallsNothing, 0, "compares entries with =="},
	{"maps", "", "Keys", CallsNothing, 0, "returns an iterator; calling it is not ranging it"},
	{"maps", "", "Values", CallsNothing, 0, "returns an iterator; calling it is not ranging it"},
	{"maps", "", "All", CallsNothing, 0, "returns an iterator; calling it is not ranging it"},

	// Decoders. A map decoded into is nil afterwards for null input, and a
	// map field of a struct decoded into stays nil when the input has no
	// value for it.
	{"encoding/json", "", "Unmarshal", Decode, 1, "documented: \"unmarshals null into a map ... by setting that Go value to nil\"; absent fields are left unchanged"},
	{"encoding/json", "Decoder", "Decode", Decode, 0, "decodes like Unmarshal: null sets a map to nil, absent fields stay unchanged"},
	{"gopkg.in/yaml.v3", "", "Unmarshal", Decode, 1, "empty input or null decodes to nil (go-yaml/yaml#347: \"Unmarshaling null into a map sets the map to null\"); absent fields stay unchanged"},
	{"gopkg.in/yaml.v3", "Decoder", "Decode", Decode, 0, "decodes like Unmarshal: null sets a map to nil, absent fields stay unchanged"},
	{"gopkg.in/yaml.v2", "", "Unmarshal", Decode, 1, "empty input or null decodes to nil (go-yaml/yaml#347); absent fields stay unchanged"},
	{"gopkg.in/yaml.v2", "", "UnmarshalStrict", Decode, 1, "decodes like Unmarshal: null sets a map to nil"},
	{"gopkg.in/yaml.v2", "Decoder", "Decode", Decode, 0, "decodes like Unmarshal: null sets a map to nil"},
	{"sigs.k8s.io/yaml", "", "Unmarshal", Decode, 1, "converts to JSON and decodes with encoding/json: null or empty input leaves a map nil"},
	{"github.com/goccy/go-yaml", "", "Unmarshal", Decode, 1, "an empty document sets the map to nil (goccy/go-yaml#805)"},
	// These make a map decoded into, even for empty input (checked with
	// BurntSushi/toml v1.6.0, pelletier/go-toml/v2 v2.4.3 and go1.26's gob:
	// a nil map is non-nil after decoding ""), but leave a map field of a
	// struct nil when the input has no value for it. encoding/xml has no
	// row: it cannot decode into a map at all.
	{"github.com/BurntSushi/toml", "", "Decode", DecodeFields, 1, "makes a map decoded into, even for an empty document; absent fields stay unchanged"},
	{"github.com/BurntSushi/toml", "", "Unmarshal", DecodeFields, 1, "decodes like Decode"},
	{"github.com/BurntSushi/toml", "Decoder", "Decode", DecodeFields, 0, "decodes like Decode"},
	{"github.com/pelletier/go-toml/v2", "", "Unmarshal", DecodeFields, 1, "makes a map decoded into, even for an empty document; absent fields stay unchanged"},
	{"github.com/pelletier/go-toml/v2", "Decoder", "Decode", DecodeFields, 0, "decodes like Unmarshal"},
	{"encoding/gob", "Decoder", "Decode", DecodeFields, 0, "makes a map decoded into; a field the sender's type lacks stays unchanged"},

	// A Kubernetes object read from the API server. controller-runtime's
	// client decodes the server's JSON (or protobuf, whose generated
	// Unmarshal makes a map only for entries present) into obj, and its
	// cache-backed reader deep-copies the informer's object, whose
	// DeepCopyInto copies a nil map as nil: either way a map field of obj
	// (ObjectMeta.Annotations, Labels, a map in a spec) is nil when the
	// object has none. client.Client embeds Reader, and go/types gives the
	// embedded method one object, so r.Get through a Client, or through a
	// struct embedding one, is this row.
	{"sigs.k8s.io/controller-runtime/pkg/client", "Reader", "Get", FetchInto, 2, "fills obj from the API server or its cache: a map field of the object stays nil when the object has none (FoundationDB/fdb-kubernetes-operator#2226)"},
	// client-go's typed clients: clientset.CoreV1().ConfigMaps(ns).Get(...)
	// returns the object decoded from the server's answer, with the same
	// nil map fields. Each resource has an interface of its own, generated
	// (ConfigMapInterface, DeploymentInterface, ...): a row per interface,
	// for the resources whose maps operators write (labels, annotations,
	// data, selectors), checked against client-go v0.36.1.
	{"k8s.io/client-go/kubernetes/typed/core/v1", "ConfigMapInterface", "Get", FetchedResult, Recv, "returns the ConfigMap decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/core/v1", "SecretInterface", "Get", FetchedResult, Recv, "returns the Secret decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/core/v1", "ServiceInterface", "Get", FetchedResult, Recv, "returns the Service decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/core/v1", "PodInterface", "Get", FetchedResult, Recv, "returns the Pod decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/core/v1", "NamespaceInterface", "Get", FetchedResult, Recv, "returns the Namespace decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/core/v1", "NodeInterface", "Get", FetchedResult, Recv, "returns the Node decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/core/v1", "ServiceAccountInterface", "Get", FetchedResult, Recv, "returns the ServiceAccount decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/core/v1", "PersistentVolumeClaimInterface", "Get", FetchedResult, Recv, "returns the PersistentVolumeClaim decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/apps/v1", "DeploymentInterface", "Get", FetchedResult, Recv, "returns the Deployment decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/apps/v1", "StatefulSetInterface", "Get", FetchedResult, Recv, "returns the StatefulSet decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/apps/v1", "DaemonSetInterface", "Get", FetchedResult, Recv, "returns the DaemonSet decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/batch/v1", "JobInterface", "Get", FetchedResult, Recv, "returns the Job decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/batch/v1", "CronJobInterface", "Get", FetchedResult, Recv, "returns the CronJob decoded from the API server's answer: a map field is nil when the object has none"},
	{"k8s.io/client-go/kubernetes/typed/networking/v1", "IngressInterface", "Get", FetchedResult, Recv, "returns the Ingress decoded from the API server's answer: a map field is nil when the object has none"},
	// The DeepCopy that deepcopy-gen writes for each API type copies the
	// struct (*out = *in) and makes a map in the copy only where the
	// original's is non-nil: the copy of a fetched object has the same nil
	// map fields (fluxcd/flagger#1277 copies the Ingress it got, then
	// writes its annotations). A row per type whose typed client has a
	// FetchedResult row, checked against k8s.io/api v0.36.1's
	// zz_generated.deepcopy.go.
	{"k8s.io/api/core/v1", "ConfigMap", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the ConfigMap, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/core/v1", "Secret", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the Secret, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/core/v1", "Service", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the Service, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/core/v1", "Pod", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the Pod, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/core/v1", "Namespace", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the Namespace, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/core/v1", "Node", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the Node, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/core/v1", "ServiceAccount", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the ServiceAccount, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/core/v1", "PersistentVolumeClaim", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the PersistentVolumeClaim, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/apps/v1", "Deployment", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the Deployment, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/apps/v1", "StatefulSet", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the StatefulSet, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/apps/v1", "DaemonSet", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the DaemonSet, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/batch/v1", "Job", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the Job, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/batch/v1", "CronJob", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the CronJob, and a map field of the copy is nil where the original's is"},
	{"k8s.io/api/networking/v1", "Ingress", "DeepCopy", NilFieldsCopy, Recv, "generated: copies the Ingress, and a map field of the copy is nil where the original's is"},
	{"encoding/json", "Unmarshaler", "UnmarshalJSON", SelfDecoder, Recv, "documented: \"To unmarshal JSON into a value implementing Unmarshaler, Unmarshal calls that value's UnmarshalJSON method\"; the API machinery's JSON serializer, which controller-runtime's client decodes with, does too"},

	// Hidden reads: formatting, encoding or comparing a value walks the
	// maps inside it (the runtime reports "concurrent map read and map
	// write" from reflect.Value.MapIndex or MapIter.Next).
	{"fmt", "", "Printf", DeepRead, 1, "formats the operands by reflection: %v of a struct prints its map fields"},
	{"fmt", "", "Sprintf", DeepRead, 1, "formats the operands by reflection: %v of a struct prints its map fields"},
	{"fmt", "", "Fprintf", DeepRead, 2, "formats the operands by reflection: %v of a struct prints its map fields"},
	{"fmt", "", "Errorf", DeepRead, 1, "formats the operands by reflection: %v of a struct prints its map fields"},
	{"fmt", "", "Printf", Format, 0, "documented: %p prints an address and %T a type, neither walks the operand"},
	{"fmt", "", "Sprintf", Format, 0, "documented: %p prints an address and %T a type, neither walks the operand"},
	{"fmt", "", "Fprintf", Format, 1, "documented: %p prints an address and %T a type, neither walks the operand"},
	{"fmt", "", "Errorf", Format, 0, "documented: %p prints an address and %T a type, neither walks the operand"},
	{"fmt", "", "Print", DeepRead, 0, "formats the operands by reflection, maps included"},
	{"fmt", "", "Println", DeepRead, 0, "formats the operands by reflection, maps included"},
	{"fmt", "", "Sprint", DeepRead, 0, "formats the operands by reflection, maps included"},
	{"fmt", "", "Sprintln", DeepRead, 0, "formats the operands by reflection, maps included"},
	{"fmt", "", "Fprint", DeepRead, 1, "formats the operands by reflection, maps included"},
	{"fmt", "", "Fprintln", DeepRead, 1, "formats the operands by reflection, maps included"},
	// Values that describe themselves: the walk above does not happen.
	{"fmt", "Stringer", "String", Describes, Recv, "fmt prints an operand that implements Stringer with %v, %s, %q, %x or %X (and Print, Println) by calling String"},
	{"fmt", "Formatter", "Format", Describes, Recv, "fmt lets an operand that implements Formatter print itself, whatever the verb but %T and %p"},
	{"encoding/json", "Marshaler", "MarshalJSON", Describes, Recv, "json encodes a value that implements Marshaler by calling MarshalJSON"},
	{"encoding/json", "", "Marshal", DeepReadExported, 0, "encodes v by reflection: every exported map field is ranged over"},
	{"encoding/json", "", "MarshalIndent", DeepReadExported, 0, "encodes v by reflection: every exported map field is ranged over"},
	{"encoding/json", "Encoder", "Encode", DeepReadExported, 0, "encodes v by reflection: every exported map field is ranged over"},
	{"encoding/json", "", "json", TagOmits, 0, "documented (Marshal): \"As a special case, if the field tag is \"-\", the field is always omitted. Note that a field with name \"-\" can still be generated using the tag \"-,\".\""},
	{"reflect", "", "DeepEqual", DeepRead, 0, "compares x and y element by element, maps included"},
	{"reflect", "", "DeepEqual", DeepRead, 1, "compares x and y element by element, maps included"},
}

// iterRows: iterators over a map, which yield its entries in map order.
var iterRows = []Row{
	{"maps", "", "Keys", IterKeys, 0, "documented: \"Keys returns an iterator over keys in m. The iteration order is not specified\""},
	{"maps", "", "Values", IterValues, 0, "documented: \"Values returns an iterator over values in m. The iteration order is not specified\""},
	{"maps", "", "All", IterPairs, 0, "documented: \"All returns an iterator over key-value pairs from m. The iteration order is not specified\""},
}

// IsBool reports whether t's underlying type is a boolean type.
func IsBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// IsMap reports whether t is a map type, or a type parameter every type of
// whose type set is a map (~map[K]V).
func IsMap(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Map); ok {
		return true
	}
	return len(mapTerms(t)) > 0
}

// CoreMap returns t's map type: its underlying map, or the core type of a
// type parameter whose type set holds maps of one underlying type; else nil.
func CoreMap(t types.Type) *types.Map {
	if m, ok := t.Underlying().(*types.Map); ok {
		return m
	}
	terms := mapTerms(t)
	if len(terms) == 0 {
		return nil
	}
	for _, m := range terms[1:] {
		if !types.Identical(m, terms[0]) {
			return nil
		}
	}
	return terms[0]
}

// mapTerms returns the map types of type parameter t's type set when all
// its terms are maps, else nil.
func mapTerms(t types.Type) []*types.Map {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return nil
	}
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []*types.Map
	for i := range iface.NumEmbeddeds() {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := range e.Len() {
				m, ok := e.Term(j).Type().Underlying().(*types.Map)
				if !ok {
					return nil
				}
				out = append(out, m)
			}
		default:
			if ms := mapTerms(e); ms != nil {
				out = append(out, ms...)
			} else if m, ok := e.Underlying().(*types.Map); ok {
				out = append(out, m)
			} else if _, ok := e.Underlying().(*types.Interface); !ok {
				return nil
			}
		}
	}
	return out
}

// DecodesSelf reports whether a value of type t (a pointer to a struct, as
// decoded into) has the method of an interface of a SelfDecoder row, with
// its signature (UnmarshalJSON([]byte) error): the decoder calls it
// instead of filling the fields, and it may make the maps whatever the
// input holds.
func DecodesSelf(t types.Type) bool {
	for _, r := range byRole[SelfDecoder] {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, r.Name)
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Signature()
		if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
			continue
		}
		s, ok := sig.Params().At(0).Type().Underlying().(*types.Slice)
		if !ok {
			continue
		}
		if b, ok := s.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte &&
			types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

// Encodes reports whether encoder, a function with a DeepReadExported row,
// encodes field i of the struct st, and so ranges over it when it is a
// map: it encodes the exported fields but those whose tag, under the key
// of a TagOmits row of encoder's package, is exactly "-" (json:"-";
// json:"-," encodes the field under the key "-").
func Encodes(encoder *types.Func, st *types.Struct, i int) bool {
	if !st.Field(i).Exported() {
		return false
	}
	if encoder == nil || encoder.Pkg() == nil {
		return true
	}
	for _, r := range byRole[TagOmits] {
		if r.Pkg != encoder.Pkg().Path() {
			continue
		}
		if v, ok := reflect.StructTag(st.Tag(i)).Lookup(r.Name); ok && v == "-" {
			return false
		}
	}
	return true
}
