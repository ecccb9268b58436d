// freswa/dovecot-xaps-daemon#26, "fatal error: concurrent map read and
// map write" in (*Database).UserExists, called from the HTTP handler
// handleNotify, fixed by #27 ("mutexes in the right locations"): the
// database's writes held the package's dbMutex (added for
// st3fan/dovecot-xaps-plugin#16, "concurrent map writes"), its reads —
// UserExists, FindRegistrations and the scan of DeleteIfExistRegistration
// — did not, while every request is served in its own goroutine.
package realbugs

import (
	"encoding/json"
	"net/http"
	"os"
	"sync"
	"time"
)

var dbMutex = &sync.Mutex{}

type XapsRegistration struct {
	DeviceToken string
	AccountId   string
}

type XapsAccount struct {
	DeviceToken      string
	Mailboxes        []string
	RegistrationTime time.Time
}

func (account *XapsAccount) ContainsMailbox(mailbox string) bool {
	for _, m := range account.Mailboxes {
		if m == mailbox {
			return true
		}
	}
	return false
}

type XapsUser struct {
	Accounts map[string]XapsAccount
}

type Database struct {
	filename  string
	Users     map[string]XapsUser
	lastWrite time.Time
}

func NewDatabase(filename string) (*Database, error) {
	db := Database{filename: filename, Users: make(map[string]XapsUser)}
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &db); err != nil {
		return nil, err
	}
	registrationCleanupTicker := time.NewTicker(time.Hour * 8)
	go func() {
		for range registrationCleanupTicker.C {
			db.cleanupRegistered()
		}
	}()
	return &db, nil
}

func (db *Database) write() error {
	data, err := json.MarshalIndent(db, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(db.filename+".new", data, 0644); err != nil {
		return err
	}
	return os.Rename(db.filename+".new", db.filename)
}

func (db *Database) AddRegistration(username, accountId, deviceToken string, mailboxes []string) (err error) {
	//  mutual write access to database issue #16 xaps-plugin
	dbMutex.Lock()

	// Ensure the User exists
	if _, ok := db.Users[username]; !ok {
		db.Users[username] = XapsUser{Accounts: make(map[string]XapsAccount)}
	}

	// Set or update the Registration
	db.Users[username].Accounts[accountId] = XapsAccount{
		DeviceToken:      deviceToken,
		Mailboxes:        mailboxes,
		RegistrationTime: time.Now(),
	}

	if db.lastWrite.Before(time.Now().Add(-time.Minute * 15)) {
		err = db.write()
	}

	// release mutex
	dbMutex.Unlock()
	return
}

func (db *Database) DeleteIfExistRegistration(deviceToken string) bool {
	for _, user := range db.Users { // want `concurrent read of map db.Users without dbMutex \(held: none\)`
		for accountId, account := range user.Accounts {
			if account.DeviceToken == deviceToken {
				dbMutex.Lock()
				delete(user.Accounts, accountId)
				db.write()
				dbMutex.Unlock()
				return true
			}
		}
	}
	return false
}

func (db *Database) FindRegistrations(username, mailbox string) ([]XapsRegistration, error) {
	var registrations []XapsRegistration
	if user, ok := db.Users[username]; ok { // want `concurrent read of map db.Users without dbMutex \(held: none\)`
		for accountId, account := range user.Accounts {
			if account.ContainsMailbox(mailbox) {
				registrations = append(registrations, XapsRegistration{DeviceToken: account.DeviceToken, AccountId: accountId})
			}
		}
	}
	return registrations, nil
}

func (db *Database) UserExists(username string) bool {
	_, ok := db.Users[username] // want `concurrent read of map db.Users without dbMutex \(held: none\)`
	return ok
}

func (db *Database) cleanupRegistered() {
	toDelete := make([]string, 0)
	dbMutex.Lock()
	for _, user := range db.Users {
		for _, account := range user.Accounts {
			if !account.RegistrationTime.IsZero() && account.RegistrationTime.Before(time.Now().Add(-time.Hour*24*30)) {
				toDelete = append(toDelete, account.DeviceToken)
			}
		}
	}
	dbMutex.Unlock()
	for _, token := range toDelete {
		db.DeleteIfExistRegistration(token)
	}
}

type xapsHTTPHandler struct {
	db *Database
}

func NewXapsHTTPHandler(db *Database) {
	h := &xapsHTTPHandler{db: db}
	http.HandleFunc("/register", h.handleRegister)
	http.HandleFunc("/notify", h.handleNotify)
}

func (h *xapsHTTPHandler) handleRegister(w http.ResponseWriter, r *http.Request) {
	_ = h.db.AddRegistration(r.FormValue("Username"), r.FormValue("AccountId"), r.FormValue("DeviceToken"), r.Form["Mailboxes"])
}

func (h *xapsHTTPHandler) handleNotify(w http.ResponseWriter, r *http.Request) {
	username := r.FormValue("Username")
	if !h.db.UserExists(username) {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	regs, _ := h.db.FindRegistrations(username, r.FormValue("Mailbox"))
	for _, reg := range regs {
		// Apple answered 410 for this device: forget it.
		h.db.DeleteIfExistRegistration(reg.DeviceToken)
	}
}

// The fixed version: the reads hold dbFixedMutex too.

var dbFixedMutex = &sync.Mutex{}

type DatabaseFixed struct {
	Users map[string]XapsUser
}

func (db *DatabaseFixed) AddRegistration(username, accountId, deviceToken string) {
	dbFixedMutex.Lock()
	defer dbFixedMutex.Unlock()
	if _, ok := db.Users[username]; !ok {
		db.Users[username] = XapsUser{Accounts: make(map[string]XapsAccount)}
	}
	db.Users[username].Accounts[accountId] = XapsAccount{DeviceToken: deviceToken}
}

func (db *DatabaseFixed) DeleteIfExistRegistration(deviceToken string) bool {
	dbFixedMutex.Lock()
	defer dbFixedMutex.Unlock()
	for _, user := range db.Users {
		for accountId, account := range user.Accounts {
			if account.DeviceToken == deviceToken {
				delete(user.Accounts, accountId)
				return true
			}
		}
	}
	return false
}

func (db *DatabaseFixed) UserExists(username string) bool {
	dbFixedMutex.Lock()
	defer dbFixedMutex.Unlock()
	_, ok := db.Users[username]
	return ok
}
