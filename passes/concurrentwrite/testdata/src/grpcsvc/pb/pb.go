// Package pb stands for protoc-gen-go-grpc output: RegisterGreeterServer
// hands the implementation to the server.
package pb

import "google.golang.org/grpc"

type GreeterServer interface {
	SayHello(name string) (string, error)
	Forget(name string) error
}

var Greeter_ServiceDesc = grpc.ServiceDesc{ServiceName: "Greeter"}

func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer) { // want RegisterGreeterServer:"serves\(\$1\)"
	s.RegisterService(&Greeter_ServiceDesc, srv)
}
