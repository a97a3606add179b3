package main

// FerretDB v1 applies an update as a query followed by a separate write, with nothing isolating
// the two: measured here, 50 concurrent {$inc: {n: 1}} on one document left n = 7, and three
// callers "won" the same conditional update. MongoDB makes every single-document update atomic,
// and Checkout Lab's status machines depend on it.
//
// serializingProxy restores that guarantee: it stands in front of FerretDB and forwards one
// operation at a time across all client connections. Each client connection gets its own
// upstream connection (cursors and sessions stay per connection); only the request/response
// exchange holds the global lock, never the reading of a request from a slow client.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
)

const (
	opMsg          = 2013
	flagMoreToCome = 1 << 1
	maxMessage     = 48 * 1024 * 1024
)

type serializingProxy struct {
	upstream string
	mu       sync.Mutex
	logger   *slog.Logger
}

// readMessage reads one complete wire-protocol message (header included).
func readMessage(r io.Reader) ([]byte, error) {
	var header [4]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return nil, err
	}
	size := int(binary.LittleEndian.Uint32(header[:]))
	if size < 16 || size > maxMessage {
		return nil, fmt.Errorf("invalid message length %d", size)
	}
	msg := make([]byte, size)
	copy(msg, header[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

// moreToCome reports an OP_MSG whose sender expects no reply (requests) or will send more
// (replies).
func moreToCome(msg []byte) bool {
	return len(msg) >= 20 &&
		binary.LittleEndian.Uint32(msg[12:16]) == opMsg &&
		binary.LittleEndian.Uint32(msg[16:20])&flagMoreToCome != 0
}

func (p *serializingProxy) serve(l net.Listener) error {
	for {
		client, err := l.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		go p.handle(client)
	}
}

func (p *serializingProxy) handle(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", p.upstream)
	if err != nil {
		p.logger.Error("cannot reach FerretDB", "error", err)
		return
	}
	defer server.Close()

	for {
		request, err := readMessage(client)
		if err != nil {
			return // client went away
		}
		replies, err := p.exchange(server, request)
		if err != nil {
			p.logger.Error("upstream exchange failed", "error", err)
			return
		}
		for _, reply := range replies {
			if _, err := client.Write(reply); err != nil {
				return
			}
		}
	}
}

// exchange sends one request and collects its reply (or replies) while holding the lock.
func (p *serializingProxy) exchange(server net.Conn, request []byte) ([][]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := server.Write(request); err != nil {
		return nil, err
	}
	if moreToCome(request) {
		return nil, nil
	}
	var replies [][]byte
	for {
		reply, err := readMessage(server)
		if err != nil {
			return nil, err
		}
		replies = append(replies, reply)
		if !moreToCome(reply) {
			return replies, nil
		}
	}
}
