# The staged migration: batches of about 40 users, each followed by the
# conversion of the migrated mailboxes to mail-enabled users.

domain "litwareinc.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

certificate "lw-mail" {
  issuer   = "public_ca"
  subject  = "mail.litwareinc.com"
  names    = ["mail.litwareinc.com", "autodiscover.litwareinc.com"]
  expires  = "2027-06-30"
  servers  = ["LW-EX07-01"]
  services = ["iis"]
}

outlook_anywhere {
  enabled       = true
  external_host = "mail.litwareinc.com"
  port          = 443
  certificate   = "lw-mail"
}

tenant "litwareinc.onmicrosoft.com" {
  plan = "E3"
}

directory_sync {
  enabled = true
  tool    = "entra_connect"
  host_os = "2019"
  sign_in = "password_hash_sync"
}

migration {
  method    = "staged"
  mailboxes = 640
  timeframe = "slow"
}
