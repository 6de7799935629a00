# Draft 1: an express migration from the admin center's Data migration page,
# keeping directory synchronization to manage users from Active Directory.

directory_sync {
  enabled = true
  tool    = "entra_connect"
  host_os = "2016"
  sign_in = "password_hash_sync"
}

migration {
  method    = "express"
  mailboxes = 130
  timeframe = "fast"
}
