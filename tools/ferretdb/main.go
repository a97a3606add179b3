// Command ferretdb-embedded runs FerretDB v1 (MongoDB wire protocol on SQLite) for Checkout Lab
// on machines that cannot download a real mongod. It embeds FerretDB as a library rather than
// building FerretDB's own command, whose build-info check panics under `go install`.
//
// Clients connect through serializingProxy (serialize.go), which makes single-document updates
// atomic as they are on MongoDB.
//
// It prints one JSON line {"uri": "mongodb://..."} on stdout once it accepts connections, and
// exits when it receives SIGINT/SIGTERM or when its stdin closes, so a parent that dies without
// cleaning up never leaves a database running.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free one)")
	dir := flag.String("dir", "", "directory holding the SQLite files (created when missing)")
	watchStdin := flag.Bool("watch-stdin", true, "exit when stdin reaches EOF")
	flag.Parse()

	if *dir == "" {
		fail("-dir is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail(err.Error())
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		fail(err.Error())
	}

	// Error level: FerretDB warns about every unsupported command a driver probes (endSessions).
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	// FerretDB requires the SQLite URL to be a directory URL ending in "/".
	// FerretDB itself listens on a private port; clients use the proxy's address.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		fail(err.Error())
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	upstream, err := url.Parse(f.MongoDBURI())
	if err != nil {
		fail(err.Error())
	}
	listener, err := net.Listen("tcp", *listen)
	if err != nil {
		fail(err.Error())
	}
	proxy := &serializingProxy{upstream: upstream.Host, logger: logger}
	go func() {
		if err := proxy.serve(listener); err != nil {
			logger.Error("proxy stopped", "error", err)
		}
	}()

	line, _ := json.Marshal(map[string]string{"uri": "mongodb://" + listener.Addr().String() + "/"})
	fmt.Println(string(line))
	<-ctx.Done()
	_ = listener.Close()
	<-done
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "ferretdb-embedded:", msg)
	os.Exit(1)
}
